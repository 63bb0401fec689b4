package dev.orathin.testkit.internal.ttcserver;

import dev.orathin.testkit.internal.ttcserver.OraErrors.OraError;

/** The testkit's LOB operations (TTC function 96) on the session's {@link LobStore}. */
final class LobOps {

    private LobOps() {
    }

    /**
     * LOB_OP (96) on a locator this session handed out or created (python-oracledb's layout, which
     * ojdbc11 and node-oracledb share): length, chunk size, read, write, trim, open / close /
     * is-open, create and free temporary. A read's data goes back as LOB_DATA (14); then the return
     * parameters (the locator, then the amount, the new temporary LOB's charset and flags, or the
     * is-open flag), then ERROR. Data is UTF-16BE for CLOBs (the locator's variable-width flag).
     */
    static byte[] handle(SqlSession session, Ttc.In in) {
        LobStore lobs = session.lobs;
        in.u8(); // source pointer
        int sourceLength = (int) in.ub();
        boolean destPtr = in.u8() != 0;
        long destLength = in.ub(); // the duration when creating a temporary LOB
        in.ub(); // short source offset
        in.ub(); // short dest offset
        boolean charsetPtr = in.u8() != 0;
        in.u8(); // short amount pointer
        boolean nullLobPtr = in.u8() != 0;
        long op = in.ub();
        in.u8(); // SCN pointer
        in.u8(); // SCN length
        long offset = in.ub();
        long destOffset = in.ub(); // the Oracle type (112 / 113) when creating a temporary LOB
        boolean amountPtr = in.u8() != 0;
        in.raw(6); // array LOB fields
        byte[] locator = in.raw(sourceLength);
        if (destPtr) {
            in.raw((int) destLength);
        }
        if (charsetPtr) {
            in.ub();
        }
        byte[] data = null;
        if (in.hasMore() && in.peek() == 14) { // LOB_DATA of a write
            in.u8();
            data = in.clr();
            if (data == null) {
                data = new byte[0];
            }
        }
        long amount = amountPtr && in.hasMore() ? in.ub() : 0;
        Ttc.Out out = new Ttc.Out();
        if (op == 0x0110) { // create temporary: source offset = charset form, dest offset = type
            byte[] created = lobs.createTemporary(destOffset == OraType.CLOB);
            out.u8(8).raw(created);
            out.ub(destOffset == OraType.CLOB ? OraType.AL16UTF16 : 0); // charset
            if (amountPtr) {
                out.ub(amount); // python-oracledb 1.x sends the duration as the amount and reads it back
            }
            out.u8(0); // trailing flags (python 2+ reads one byte, 1.x a ub2: 00 is 0 for both)
            return session.end(out, 0, 0, null);
        }
        LobStore.Entry e = lobs.entry(locator);
        if (e == null) {
            return session.error(0, OraError.of(22275, "invalid LOB locator specified"));
        }
        long result = 0;
        if (op == 0x4000) { // chunk size
            result = LobStore.CHUNK_SIZE;
        } else if (op == 0x0001) { // length
            result = e.length();
        } else if (op == 0x0002) { // read: amount characters / bytes from the 1-based offset
            if (offset < 1) {
                return session.error(0, OraError.of(21560, "argument 3 is null, invalid, or out of range"));
            }
            byte[] chunk = e.read(offset, amount);
            result = e.clob ? chunk.length / 2 : chunk.length;
            if (chunk.length > 0) {
                out.u8(14).clr(chunk);
            }
        } else if (op == 0x0040) { // write
            if (offset < 1 || data == null) {
                return session.error(0, OraError.of(21560, "argument 2 is null, invalid, or out of range"));
            }
            result = e.write(offset, data);
        } else if (op == 0x0020) { // trim
            if (amount > e.length()) {
                return session.error(0, OraError.of(22926, "specified trim length is greater than current LOB value's length"));
            }
            e.trim(amount);
            result = amount;
        } else if (op == 0x0111) { // free temporary
            lobs.free(locator);
        } else if (op == 0x8000) { // open
            if (e.open) {
                return session.error(0, OraError.of(22293, "LOB already opened in the same transaction"));
            }
            e.open = true;
        } else if (op == 0x10000) { // close
            if (!e.open) {
                return session.error(0, OraError.of(22289, "cannot perform operation on an unopened file or LOB"));
            }
            e.open = false;
        } else if (op != 0x11000) { // is open: answered below
            return session.error(0, OraError.of(3001, "unimplemented feature (LOB operation 0x" + Long.toHexString(op) + " in the orathin testkit)"));
        }
        out.u8(8).raw(locator);
        if (amountPtr) {
            out.ub(result);
        }
        if (nullLobPtr) {
            out.u8(e.open ? 1 : 0); // is-open flag
        }
        return session.end(out, 0, 0, null);
    }
}
