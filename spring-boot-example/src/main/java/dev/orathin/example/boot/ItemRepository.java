package dev.orathin.example.boot;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Items, through Spring Data JDBC (its Oracle dialect, chosen from orathin's DatabaseMetaData). */
public interface ItemRepository extends ListCrudRepository<Item, Long> {

    /** Items cheaper than {@code limit}, cheapest first. */
    @Query("select id, name, price from items where price < :limit order by price")
    List<Item> cheaperThan(@Param("limit") java.math.BigDecimal limit);
}
