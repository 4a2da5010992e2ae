package io.patchbay.api;

import io.patchbay.api.dto.CheckDTO;
import io.patchbay.api.dto.DiffDTO;
import io.patchbay.api.dto.RetiredDTO;
import io.patchbay.api.dto.TraceDTO;
import java.io.InputStream;
import java.util.List;

/**
 * Looks at a patch without applying it: what an apply would do (a dry run), and what code a patch changes.
 * Registered by the patch manager beside {@link PatchManager}; the Gogo shell ({@code patch:check},
 * {@code patch:diff}) and the web console's Check action use it.
 * <p>
 * <b>Nothing changes.</b> No method of this service installs, starts, resolves or refreshes a bundle, moves a route,
 * writes to the ledger or waits for a running operation: a patch jar read from a location or a stream is copied
 * into the manager's data area while it is looked at, and deleted before the method returns, whatever it answers.
 * <p>
 * <b>The same sentences as apply.</b> A patch that {@link PatchManager#apply(String, String, String)} would refuse
 * for a reason that can be known without running it is refused here with the {@link PatchException} (or
 * {@link UnknownSlotException}) that apply would throw, with the same sentence: a missing file, a file that is not
 * a jar, not a bundle, not a patch, too large, not signed as the trust store requires, a target that matches no
 * slot, a fragment whose host is not the slot's active implementation, the same name and version installed with
 * other bytes, or requirements that the running framework cannot satisfy (found with the framework's own resolver,
 * without installing the bundle). What only running the patch can tell (whether its activator or component starts,
 * whether it registers its implementation in time) is not checked, and {@link CheckDTO#notChecked} says so.
 * <p>
 * <b>Traces.</b> {@link #trace(String, int, long)} records a slot's next calls, bounded in count and time; no
 * slot is traced unless asked, and an implementation nothing traces or compares costs its calls no clock read.
 * <p>
 * The methods added after 1.4 have defaults that throw {@link UnsupportedOperationException}, so the stubs tests
 * write of this interface keep compiling; the manager's service implements them all.
 * <p>
 * <b>Threading.</b> All methods are thread safe and never wait for a patch operation that is running; the state
 * they look at is the state at the moment they look.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface PatchInspector {

    /**
     * A dry run of {@link PatchManager#applyTo(String, String, String, String)}: what apply would do with the
     * patch at {@code location}, without doing it.
     *
     * @param location file path or URL of the patch jar, as apply takes it
     * @param slot the slot the operator would name ({@code --slot}), or {@code null} to go by the patch's header
     * @return what apply would do: the slot, the implementation it would replace, the resolution, the checksum
     * @throws PatchException with exactly the sentence apply would throw, if apply would refuse the patch
     */
    CheckDTO check(String location, String slot);

    /**
     * As {@link #check(String, String)}, reading the patch jar from a stream (an upload).
     *
     * @param name a name for the upload, used in messages as apply uses it
     */
    CheckDTO check(InputStream patch, String name, String slot);

    /**
     * What the patch at {@code location} changes, class by class, against the implementation it would replace:
     * for a replacement bundle the slot's active implementation, for a fragment patch its host (the classes the
     * fragment puts ahead of the host's own).
     *
     * @param slot the slot the operator would name, or {@code null} to go by the patch's header
     * @throws PatchException if the patch cannot be read, as apply would say, or its slot is not decided (several
     *             slots match: name one)
     */
    DiffDTO diff(String location, String slot);

    /** As {@link #diff(String, String)}, reading the patch jar from a stream (an upload). */
    DiffDTO diff(InputStream patch, String name, String slot);

    /**
     * What a slot's active implementation changes against the one a revert would go back to (the newest of
     * {@link io.patchbay.api.dto.SlotDTO#previous}). A slot with nothing to revert to answers a diff with no
     * classes, {@link DiffDTO#from} {@code null} and a message saying so.
     *
     * @param slot the slot, named as everywhere else
     * @throws UnknownSlotException if no slot, or more than one, matches
     * @throws PatchException if the previous implementation's bundle is no longer installed
     */
    DiffDTO diffSlot(String slot);

    /**
     * Starts tracing the next calls through {@code slot}: each call that ends on one of the slot's implementations
     * (those it has now) is recorded with its consumer bundle, the implementation that answered, its duration,
     * its exception and, during a canary, its routing key. A trace is bounded in both count and time: it stops by
     * itself after {@code calls} calls or {@code millis} milliseconds, whichever comes first, and then costs the
     * call path nothing again. Returns at once; ask {@link #trace(long, int, long)} for the calls.
     *
     * @param calls 1 to 10000
     * @param millis 1 to 3600000
     * @throws UnknownSlotException if no slot, or more than one, matches
     * @throws PatchException if the bounds are out of range or the slot is being traced already
     * @since 1.5
     */
    default TraceDTO trace(String slot, int calls, long millis) {
        throw new UnsupportedOperationException("This inspector does not trace calls.");
    }

    /**
     * The calls trace {@code id} has recorded from index {@code from} on; waits up to {@code waitMillis} for a
     * first one (or the end) when there is none yet. A stopped trace is kept for a while after it stops, so its
     * last calls can still be read.
     *
     * @throws PatchException if there is no trace {@code id} (never started, or stopped long ago)
     * @since 1.5
     */
    default TraceDTO trace(long id, int from, long waitMillis) throws InterruptedException {
        throw new UnsupportedOperationException("This inspector does not trace calls.");
    }

    /**
     * Stops trace {@code id} now; what it recorded stays readable. Stopping a stopped trace changes nothing.
     *
     * @throws PatchException if there is no trace {@code id}
     * @since 1.5
     */
    default TraceDTO stopTrace(long id) {
        throw new UnsupportedOperationException("This inspector does not trace calls.");
    }

    /**
     * Whether each implementation that was ever active (since the manager started) is fully retired: its class
     * loader collected once it is off the route and its bundle was uninstalled (or updated) and refreshed. The
     * manager keeps a weak reference to each one's class loader, taken while it was active; this method requests
     * garbage collections for up to {@code waitMillis} while some retired loader is still reachable, then names
     * what holds each one that is not collected: see {@link RetiredDTO#holders}. Changes nothing.
     *
     * @param waitMillis how long to wait for collections, at most 60000
     * @since 1.5
     */
    default List<RetiredDTO> retired(long waitMillis) throws InterruptedException {
        throw new UnsupportedOperationException("This inspector does not follow retirements.");
    }
}
