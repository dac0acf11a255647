package io.manometer.agent.instrument.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.manometer.agent.instrument.integration.grpc.GrpcStreamIntegration;
import io.manometer.agent.instrument.integration.netty.NettyOutboundIntegration;
import io.manometer.agent.model.CounterFieldName;
import java.io.IOException;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/** The integrations against the real library classes (Netty 4.1, gRPC 1.85), by name and by shape. */
class LibraryIntegrationsTest {

    @Test
    void classesAreChosenByTheEndOfTheirNameSoRelocatedCopiesCount() {
        assertThat(LibraryIntegrations.mayInstrument("io/netty/channel/ChannelOutboundBuffer")).isTrue();
        assertThat(LibraryIntegrations.mayInstrument("io/grpc/netty/shaded/io/netty/channel/ChannelOutboundBuffer"))
                .isTrue();
        assertThat(LibraryIntegrations.mayInstrument("io/grpc/internal/AbstractStream$TransportState")).isTrue();
        assertThat(LibraryIntegrations.mayInstrument("io/netty/channel/ChannelOutboundBuffer$Entry")).isFalse();
        assertThat(LibraryIntegrations.mayInstrument("io/grpc/internal/AbstractStream")).isFalse();
    }

    @Test
    void nettysOutboundBufferGetsItsCountersField() throws IOException {
        byte[] rewritten = rewrite(new NettyOutboundIntegration(), "io.netty.channel.ChannelOutboundBuffer");
        assertThat(fieldsOf(rewritten)).contains(CounterFieldName.OUTBOUND);
    }

    @Test
    void grpcsStreamStateGetsItsCountersField() throws IOException {
        byte[] rewritten = rewrite(new GrpcStreamIntegration(), "io.grpc.internal.AbstractStream$TransportState");
        assertThat(fieldsOf(rewritten)).contains(CounterFieldName.OUTBOUND);
    }

    @Test
    void aClassOfTheRightNameButAnotherShapeIsLeftAlone() throws IOException {
        String name = "fake.netty.channel.ChannelOutboundBuffer";
        assertThat(new NettyOutboundIntegration().instruments(name.replace('.', '/'))).isTrue();
        assertThat(builder(name)).satisfies(b -> assertThat(
                new NettyOutboundIntegration().transform(b.builder(), b.type())).isNull());
    }

    private record Rewriting(DynamicType.Builder<?> builder, TypeDescription type) {}

    private static Rewriting builder(String name) {
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(LibraryIntegrationsTest.class.getClassLoader());
        TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
        return new Rewriting(new ByteBuddy().redefine(type, locator), type);
    }

    private static byte[] rewrite(LibraryIntegration integration, String name) {
        Rewriting r = builder(name);
        DynamicType.Builder<?> integrated = integration.transform(r.builder(), r.type());
        assertThat(integrated).as("the integration accepts the real " + name).isNotNull();
        return integrated.make().getBytes();
    }

    private static java.util.List<String> fieldsOf(byte[] classFile) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.add(name);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return fields;
    }
}
