package dev.orathin.internal.sql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's parsed statements, least recently used evicted first (python-oracledb's
 * {@code StatementCache}), and the server cursors due to be closed: those of evicted statements,
 * of statements used outside the cache, and of cursors dropped after an error. They are closed
 * with the next call (the close-cursors piggyback), never in a round trip of their own.
 *
 * <p>A statement in use by an open cursor is never handed out twice: a second execute of the
 * same SQL meanwhile gets a fresh, uncached statement. Not thread safe: the connection's lock
 * guards it.
 */
public final class StatementCache {

    private final int capacity;
    private final LinkedHashMap<String, Statement> cache = new LinkedHashMap<>(32, 0.75f, true);
    private final List<Integer> cursorsToClose = new ArrayList<>();

    /** A cache of at most {@code capacity} statements. */
    public StatementCache(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The statement for {@code text}, marked in use: the cached one when it is free, else a fresh
     * one (cached when the SQL was not; DDL never is, as it is parsed at every execute).
     */
    public Statement acquire(SqlText text) {
        if (text.kind() == SqlText.Kind.DDL) {
            Statement st = new Statement(text);
            st.inUse = true;
            return st;
        }
        Statement st = cache.get(text.sql());
        if (st == null || st.inUse) {
            Statement fresh = new Statement(text);
            if (st == null) {
                fresh.cached = true;
                cache.put(text.sql(), fresh);
                evict();
            }
            st = fresh;
        }
        st.inUse = true;
        return st;
    }

    private void evict() {
        Iterator<Map.Entry<String, Statement>> it = cache.entrySet().iterator();
        while (cache.size() > capacity && it.hasNext()) {
            Statement old = it.next().getValue();
            it.remove();
            old.cached = false;
            if (!old.inUse && old.cursorId != 0) {
                cursorsToClose.add(old.cursorId);
            }
        }
    }

    /** A cursor is done with its statement: cached ones stay parsed, others have their server cursor closed. */
    public void release(Statement st) {
        st.inUse = false;
        if (!st.cached && st.cursorId != 0) {
            cursorsToClose.add(st.cursorId);
            st.cursorId = 0;
        }
    }

    /** Closes {@code cursorId} with the next call (the caller forgets it, e.g. {@link Statement#reset()}). */
    public void closeLater(int cursorId) {
        cursorsToClose.add(cursorId);
    }

    /** True when cursors wait to be closed. */
    public boolean hasCursorsToClose() {
        return !cursorsToClose.isEmpty();
    }

    /** The cursors due to be closed, handed over once (the list is then empty). */
    public List<Integer> takeCursorsToClose() {
        List<Integer> ids = List.copyOf(cursorsToClose);
        cursorsToClose.clear();
        return ids;
    }
}
