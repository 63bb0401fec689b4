package dev.orathin.internal.sql;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed statement on one connection: its SQL, server cursor id, described columns and the bind
 * metadata last sent (a change forces a full execute instead of a re-execute, as python-oracledb's
 * {@code Statement._set_var}). Mutable, owned by the connection's thread.
 */
public final class Statement {

    /** The analysed SQL. */
    public final SqlText text;
    /** UTF-8 bytes of the SQL. */
    public final byte[] sqlBytes;
    /** Server cursor id, 0 until the first execute returns one. */
    public int cursorId;
    /** Columns from the last describe (queries). */
    public List<ColumnInfo> columns;
    /** True once LOB columns were defined as LONG / LONG RAW on this cursor. */
    public boolean lobsDefined;
    /** True when those LOB columns were defined as locators (else as LONG / LONG RAW). */
    public boolean lobLocators;
    /** Bind metadata last sent. */
    public List<BindValue> bindMeta = List.of();
    /** True while a cursor uses the statement. */
    public boolean inUse;
    /** True while the statement sits in the connection's cache. */
    public boolean cached;

    /** A statement for {@code text}. */
    public Statement(SqlText text) {
        this.text = text;
        this.sqlBytes = text.sql().getBytes(StandardCharsets.UTF_8);
    }

    /** True when the bind types and sizes differ from the last ones sent (python re-sends the full execute then). */
    public boolean bindMetaChanged(List<BindValue> meta) {
        if (meta.size() != bindMeta.size()) {
            return true;
        }
        for (int i = 0; i < meta.size(); i++) {
            BindValue a = meta.get(i);
            BindValue b = bindMeta.get(i);
            if (a.typeNumber() != b.typeNumber() || a.bufferSize() > b.bufferSize() || a.charsetForm() != b.charsetForm()
                    || a.direction() != b.direction()) {
                return true;
            }
        }
        return false;
    }

    /** True when the described columns include CLOB / NCLOB / BLOB. */
    public boolean hasLobColumns() {
        return columns != null && columns.stream().anyMatch(c -> c.isLob() || c.isPrefetchedLob());
    }

    /** Forgets the server cursor (after an error, or when closed). */
    public void reset() {
        cursorId = 0;
        columns = null;
        lobsDefined = false;
        lobLocators = false;
        bindMeta = List.of();
    }
}
