/** The smallest application: what the agent adds to a JVM's start and exit. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
