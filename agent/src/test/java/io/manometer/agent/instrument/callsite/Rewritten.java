package io.manometer.agent.instrument.callsite;

import io.manometer.agent.model.CallSiteRegistry;
import io.manometer.agent.model.LaunchKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A fixture class passed through one rewriting concern: what it registered, which bridge calls it
 * added in which methods, and the class itself, loaded (and so verified) in a loader of its own.
 */
final class Rewritten {
    /** Registrations by site id: "launch KIND frame" or "ignored CALL frame". */
    final Map<Integer, String> sites = new LinkedHashMap<>();
    /** "method -> Bridge.call" for each bridge call in the output. */
    final List<String> bridgeCalls = new ArrayList<>();
    final boolean changed;
    private final byte[] bytes;
    private final String className;

    private Rewritten(Class<?> fixture, CallSiteRewriter.Concern concern) throws IOException {
        className = fixture.getName();
        byte[] original;
        String classFile = fixture.getName().substring(fixture.getName().lastIndexOf('.') + 1) + ".class"; // nested too
        try (InputStream in = fixture.getResourceAsStream(classFile)) {
            original = in.readAllBytes();
        }
        CallSiteRegistry registry = new CallSiteRegistry() {
            @Override
            public int registerLaunch(LaunchKind kind, String frame) {
                sites.put(sites.size(), "launch " + kind + " " + frame);
                return sites.size() - 1;
            }

            @Override
            public int registerIgnoredResult(String call, String frame) {
                sites.put(sites.size(), "ignored " + call + " " + frame);
                return sites.size() - 1;
            }

            @Override
            public int registerConstruction(String type, String className, String frame) {
                sites.put(sites.size(), "construction " + type + " " + frame);
                return sites.size() - 1;
            }

            @Override
            public void rename(int id, String call) {
                sites.computeIfPresent(id, (k, v) -> "ignored " + call + v.substring(v.lastIndexOf(' ')));
            }
        };
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, 0);
        SiteRewrite.ClassContext context = CallSiteRewriter.context(reader, registry, Set.of("java/util/PriorityQueue"));
        reader.accept(CallSiteRewriter.perMethod(writer, context, concern), 0);
        changed = context.changed;
        bytes = writer.toByteArray();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String call, String d, boolean itf) {
                        if (owner.equals(SiteRewrite.BRIDGE)) {
                            bridgeCalls.add(name + " -> " + call);
                        }
                    }
                };
            }
        }, 0);
    }

    static Rewritten by(Class<?> fixture, CallSiteRewriter.Concern concern) throws IOException {
        return new Rewritten(fixture, concern);
    }

    /** Loads the rewritten class, which verifies its bytecode (stack maps, stack sizes). */
    Class<?> load() throws ClassNotFoundException {
        ClassLoader loader = new ClassLoader(Rewritten.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(className)) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return Class.forName(className, true, loader);
    }

    static String frameOf(String method) {
        return frameOf(CallSiteFixture.class, method);
    }

    static String frameOf(Class<?> fixture, String method) {
        return fixture.getName() + "." + method + "(" + fixture.getSimpleName() + ".java:";
    }
}
