package kz.elections.violations.notifications;

/**
 * Work that tells nobody, on the thread that runs it: the demo's replay of the 2023 briefing, which is
 * history played back, not work arriving for anyone now.
 */
public final class Silence {

    private static final ThreadLocal<Boolean> SILENT = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Silence() {
    }

    /** Runs the work; the notifications it would cause are not written. */
    public static void during(Runnable work) {
        boolean before = SILENT.get();
        SILENT.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            SILENT.set(before);
        }
    }

    static boolean isOn() {
        return SILENT.get();
    }
}
