package io.manometer.agent.instrument.integration;

import io.manometer.agent.instrument.integration.grpc.Grpc;
import io.manometer.agent.instrument.integration.netty.Netty;
import io.manometer.agent.model.OutboundTransport;
import java.util.ArrayList;
import java.util.List;

/**
 * Every library integration, one line each, and the gate every loaded class passes: a check of
 * the end of its name, which loads no Byte Buddy class (the integrations themselves are made at
 * warm-up). Adding a library is a folder beside {@code netty/} and a line here.
 */
public final class LibraryIntegrations {
    private static final List<Library> LIBRARIES = List.of(
            new Netty(),
            new Grpc());

    private LibraryIntegrations() {}

    /** Whether some integration may instrument the class: its name ends as one of theirs. */
    public static boolean mayInstrument(String internalName) {
        for (int i = 0; i < LIBRARIES.size(); i++) {
            if (internalName.endsWith(LIBRARIES.get(i).classNameEnd())) {
                return true;
            }
        }
        return false;
    }

    /** The integrations, one per library (made now: at warm-up). */
    public static List<LibraryIntegration> all() {
        List<LibraryIntegration> all = new ArrayList<>();
        for (Library library : LIBRARIES) {
            all.add(library.integration());
        }
        return all;
    }

    /** The connections the libraries' advice reports, for the hooks that track them. */
    public static List<OutboundTransport> transports() {
        List<OutboundTransport> transports = new ArrayList<>();
        for (Library library : LIBRARIES) {
            transports.add(library.transport());
        }
        return transports;
    }
}
