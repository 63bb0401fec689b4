package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output formats of {@code sql} and the script splitter. */
class ResultPrinterTest {

    static final ResultPrinter.Result ROWS = new ResultPrinter.Result("select", List.of("ID", "NAME"),
            List.of(new Object[] {1L, "a, \"b\""}, new Object[] {new BigDecimal("12.5"), null}), 2);

    static String print(ResultPrinter.Format f, ResultPrinter.Result... r) {
        StringWriter w = new StringWriter();
        ResultPrinter.print(List.of(r), f, new PrintWriter(w));
        return w.toString().replace("\r\n", "\n");
    }

    @Test
    void tableAlignsAndRightAlignsNumbers() {
        assertEquals("""
                  ID | NAME
                -----+-------
                   1 | a, "b"
                12.5 |
                (2 rows)
                """.replace("  ID |", "ID   |"), print(ResultPrinter.Format.TABLE, ROWS));
    }

    @Test
    void csvQuotesPerRfc4180AndNullIsEmpty() {
        assertEquals("ID,NAME\n1,\"a, \"\"b\"\"\"\n12.5,\n", print(ResultPrinter.Format.CSV, ROWS));
    }

    @Test
    void jsonIsOneArrayWithTypedValues() {
        String json = print(ResultPrinter.Format.JSON, ROWS, new ResultPrinter.Result("insert", List.of(), List.of(), 3));
        assertEquals("""
                [
                  {
                    "statement": "select",
                    "columns": [
                      "ID",
                      "NAME"
                    ],
                    "rows": [
                      {
                        "ID": 1,
                        "NAME": "a, \\"b\\""
                      },
                      {
                        "ID": 12.5,
                        "NAME": null
                      }
                    ]
                  },
                  {
                    "statement": "insert",
                    "rowsAffected": 3
                  }
                ]
                """, json);
    }

    @Test
    void scriptSplitting() {
        assertEquals(List.of("create table t (x number)", "insert into t values (1)", "begin\n  null;\nend;", "select * from t"),
                SqlCommand.split("-- comment\ncreate table t (x number);\ninsert into t values (1);\n\nbegin\n  null;\nend;\n/\nselect * from t\n"));
    }
}
