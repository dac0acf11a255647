package io.manometer.agent.it;

/** The smallest application: what a healthy start under the agent must leave untouched. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
