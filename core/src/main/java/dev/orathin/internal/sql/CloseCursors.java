package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The close-cursors piggyback (function 105, python-oracledb {@code _write_close_cursors_piggyback}):
 * {@code ub1 1, ub4 n, n × ub4 cursor id}, sent ahead of the next call rather than in a round trip
 * of its own.
 *
 * @param cursorIds the server cursors to close
 */
public record CloseCursors(List<Integer> cursorIds) {

    /** Copies the ids. */
    public CloseCursors {
        cursorIds = List.copyOf(cursorIds);
    }

    /** Writes the piggyback; nothing when there is no cursor to close. */
    public void write(TtcWriter w, IntSupplier seq, int fieldVersion) {
        if (cursorIds.isEmpty()) {
            return;
        }
        Requests.piggybackHeader(w, TtcCodes.FN_CLOSE_CURSORS, seq.getAsInt(), fieldVersion);
        w.ub1(1).ub(cursorIds.size());
        for (int id : cursorIds) {
            w.ub(id);
        }
    }
}
