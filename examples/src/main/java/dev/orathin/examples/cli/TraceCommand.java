package dev.orathin.examples.cli;

import dev.orathin.internal.trace.TraceDecoder;
import dev.orathin.internal.trace.TraceFile;
import dev.orathin.internal.trace.TracePacket;
import dev.orathin.internal.trace.TraceRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orathin trace decode FILE}: what each packet of a packet trace holds, read by orathin's own decoders. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Work with packet traces.", subcommands = TraceCommand.Decode.class)
public final class TraceCommand implements Runnable {

    /** Largest trace file read (a trace of a long session is a few MB; this bounds memory). */
    static final long MAX_TRACE_BYTES = 64L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: decode");
    }

    /** {@code trace decode}. */
    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Decode a packet trace: orathin's ORATHIN_DEBUG_PACKETS output, python-oracledb's PYO_DEBUG_PACKETS,"
                    + " node-oracledb's NODE_ORACLEDB_DEBUG_PACKETS or a real-packets capture. Prints per packet the direction,"
                    + " TNS type and each TTC message with its fields; a packet orathin cannot account for is shown with its offset."
                    + " Authentication values are never printed.")
    public static final class Decode implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The trace file.")
        Path file;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            List<String> lines;
            try {
                if (Files.size(file) > MAX_TRACE_BYTES) {
                    throw new CliException(CliErrorCode.INPUT_UNREADABLE, file + ": larger than " + MAX_TRACE_BYTES
                            + " bytes; split the trace");
                }
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                if (e instanceof CliException c) {
                    throw c;
                }
                throw new CliException(CliErrorCode.INPUT_UNREADABLE, file + ": cannot read the trace: " + e.getMessage(), e);
            }
            List<TracePacket> packets = TraceFile.parse(lines);
            if (packets.isEmpty()) {
                throw new CliException(CliErrorCode.INPUT_UNREADABLE, file + ": no packets found (expected ORATHIN_DEBUG_PACKETS,"
                        + " PYO_DEBUG_PACKETS, NODE_ORACLEDB_DEBUG_PACKETS output or '# dir=' blocks)");
            }
            TraceDecoder.Report rep = TraceDecoder.decode(packets);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(TraceRenderer.tree(rep)) + "\n" : TraceRenderer.text(rep));
            out.flush();
            return OrathinCli.EXIT_OK;
        }
    }
}
