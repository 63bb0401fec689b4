package dev.orathin.example.boot;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of ITEMS; the id comes from the table's identity column.
 *
 * @param id the key (null before the insert)
 * @param name the name
 * @param price the price
 */
@Table("ITEMS")
public record Item(@Id Long id, String name, BigDecimal price) {
}
