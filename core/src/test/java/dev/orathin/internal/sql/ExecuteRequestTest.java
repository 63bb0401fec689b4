package dev.orathin.internal.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** ExecuteRequest's builder and toString; its bytes are compared with python-oracledb's in RequestComparisonTest. */
class ExecuteRequestTest {

    @Test
    void whatTheBuilderLeavesOutIsZeroEmptyOrFalse() {
        byte[] sql = "select 1 from dual".getBytes(StandardCharsets.UTF_8);
        ExecuteRequest built = ExecuteRequest.builder().options(Requests.OPT_EXECUTE | Requests.OPT_PARSE).sql(sql).build();
        ExecuteRequest spelled = new ExecuteRequest(Requests.OPT_EXECUTE | Requests.OPT_PARSE, 0, sql, 0, false, 0, List.of(), List.of(),
                null, false, false);
        assertArrayEquals(spelled.encode(new AtomicInteger()::incrementAndGet, 13, new byte[0]),
                built.encode(new AtomicInteger()::incrementAndGet, 13, new byte[0]));
    }

    @Test
    void toStringShowsTheShapeNotTheBindValues() {
        BindValue secret = BindValue.of("tiger-password", 4000, "1");
        String shown = ExecuteRequest.builder().options(Requests.OPT_EXECUTE | Requests.OPT_BIND).binds(List.of(List.of(secret)),
                List.of(secret)).build().toString();
        assertTrue(shown.contains("binds=1"), shown);
        assertFalse(shown.contains("tiger"), shown);
    }
}
