package dev.orathin.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement cache's rules, without a connection: LRU, busy statements, DDL, cursors to close. */
class StatementCacheTest {

    private static Statement parsed(StatementCache cache, String sql, int cursorId) {
        Statement st = cache.acquire(SqlText.parse(sql));
        st.cursorId = cursorId;
        cache.release(st);
        return st;
    }

    @Test
    void aFreeCachedStatementIsHandedOutAgainStillParsed() {
        StatementCache cache = new StatementCache(2);
        Statement first = parsed(cache, "select 1 from dual", 7);
        Statement again = cache.acquire(SqlText.parse("select 1 from dual"));
        assertSame(first, again);
        assertEquals(7, again.cursorId);
        assertFalse(cache.hasCursorsToClose());
    }

    @Test
    void aBusyStatementIsNotSharedAndTheFreshOneIsClosedOnRelease() {
        StatementCache cache = new StatementCache(2);
        Statement busy = cache.acquire(SqlText.parse("select 1 from dual"));
        Statement fresh = cache.acquire(SqlText.parse("select 1 from dual"));
        assertNotSame(busy, fresh);
        assertTrue(busy.cached);
        assertFalse(fresh.cached);
        fresh.cursorId = 9;
        cache.release(fresh);
        assertEquals(0, fresh.cursorId);
        assertEquals(List.of(9), cache.takeCursorsToClose());
        assertFalse(cache.hasCursorsToClose(), "handed over once");
    }

    @Test
    void theLeastRecentlyUsedIsEvictedAndItsCursorClosed() {
        StatementCache cache = new StatementCache(2);
        parsed(cache, "select 1 from dual", 1);
        parsed(cache, "select 2 from dual", 2);
        cache.release(cache.acquire(SqlText.parse("select 1 from dual"))); // 1 is now the most recent
        parsed(cache, "select 3 from dual", 3);
        assertEquals(List.of(2), cache.takeCursorsToClose());
    }

    @Test
    void anEvictedStatementInUseKeepsItsCursorUntilReleased() {
        StatementCache cache = new StatementCache(1);
        Statement inUse = cache.acquire(SqlText.parse("select 1 from dual"));
        inUse.cursorId = 4;
        parsed(cache, "select 2 from dual", 5);
        assertFalse(cache.hasCursorsToClose());
        cache.release(inUse);
        assertEquals(List.of(4), cache.takeCursorsToClose());
    }

    @Test
    void ddlIsNeverCached() {
        StatementCache cache = new StatementCache(2);
        Statement ddl = cache.acquire(SqlText.parse("create table t (x number)"));
        assertFalse(ddl.cached);
        assertNotSame(ddl, cache.acquire(SqlText.parse("create table t (x number)")));
    }
}
