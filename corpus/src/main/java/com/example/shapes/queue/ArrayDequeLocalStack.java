package com.example.shapes.queue;

import com.example.shapes.Load;
import io.manometer.corpus.Shape;
import java.util.ArrayDeque;

/** A deque used as a small local stack, a hundred thousand times a second: nothing waits in it. */
@Shape(buffer = "queue", behaviour = "steady high depth that keeps pace")
public final class ArrayDequeLocalStack {
    public static void main(String[] args) throws Exception {
        long deadline = Load.deadline(Load.seconds(args));
        long sum = 0;
        while (Load.before(deadline)) {
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            for (int i = 0; i < 100; i++) {
                stack.push(i);
            }
            while (!stack.isEmpty()) {
                sum += stack.pop();
            }
        }
        Load.done("sum " + sum);
    }
}
