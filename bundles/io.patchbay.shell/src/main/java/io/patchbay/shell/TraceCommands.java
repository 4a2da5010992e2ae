package io.patchbay.shell;

import io.patchbay.api.PatchInspector;
import io.patchbay.api.dto.TraceCallDTO;
import io.patchbay.api.dto.TraceDTO;
import java.io.PrintStream;
import java.time.ZoneId;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.Process;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code patch:trace}: starts a {@link PatchInspector} trace and prints each call as it ends, on the command's
 * own standard output as Gogo gives it to the running command ({@link Process#out()}: the console, or the next
 * command of a pipe), until the trace stops by itself (count or time). It returns the whole {@link TraceDTO},
 * which {@link TraceConverter} shows as its closing sentence only, so nothing is printed twice; scripts read its
 * {@code calls}. An interrupted command (Ctrl-C) stops its trace.
 */
@Component(service = TraceCommands.class)
@GogoCommand(scope = "patch", function = { "trace" })
public class TraceCommands {

    private static final long POLL_MILLIS = 200;

    private final PatchInspector inspector;

    @Activate
    public TraceCommands(@Reference(name = "inspector", policy = ReferencePolicy.STATIC,
            cardinality = ReferenceCardinality.MANDATORY, policyOption = ReferencePolicyOption.RELUCTANT)
            PatchInspector inspector) {
        this.inspector = inspector;
    }

    @Descriptor("the next calls through a slot, one line each: consumer, implementation, time; stops by itself")
    public TraceDTO trace(
            @Descriptor("stop after this many calls (default 20, at most 10000)")
            @Parameter(names = { "-n", "--calls" }, absentValue = "20") int calls,
            @Descriptor("stop after this many seconds (default 60, at most 3600)")
            @Parameter(names = { "-t", "--seconds" }, absentValue = "60") double seconds,
            @Descriptor("slot: number, id, interface or name") String slot) throws InterruptedException {
        TraceDTO trace = inspector.trace(slot, calls, Math.round(seconds * 1000));
        Process process = Process.Utils.current();
        PrintStream out = process == null ? null : process.out();
        ZoneId zone = ZoneId.systemDefault();
        if (out != null) {
            out.println(TraceText.header(trace));
            out.flush();
        }
        int next = 0;
        boolean done = false;
        try {
            while (!done) {
                TraceDTO part = inspector.trace(trace.id, next, POLL_MILLIS);
                for (TraceCallDTO call : part.calls) {
                    if (out != null) {
                        out.println(TraceText.line(call, zone));
                    }
                }
                if (out != null) {
                    out.flush();
                }
                next = part.next;
                done = part.done;
            }
        } finally {
            if (!done) {
                inspector.stopTrace(trace.id);
            }
        }
        return inspector.trace(trace.id, 0, 0);
    }
}
