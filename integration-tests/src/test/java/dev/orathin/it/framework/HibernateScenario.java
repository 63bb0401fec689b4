package dev.orathin.it.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 7 with its Oracle dialect: a sequence id and an identity id, a many-to-one
 * relation, {@code @Version}, java.time fields, schema creation then validation, a batch insert of
 * 1,000 rows, HQL, criteria and pagination.
 */
final class HibernateScenario {

    private HibernateScenario() {
    }

    /** An author, its id from a sequence. */
    @Entity
    @Table(name = "HB_AUTHOR")
    public static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
        @SequenceGenerator(name = "author_seq", sequenceName = "HB_AUTHOR_SEQ", allocationSize = 50)
        Long id;
        @Column(length = 80, nullable = false)
        String name;
        LocalDate born;

        public Author() {
        }

        Author(String name, LocalDate born) {
            this.name = name;
            this.born = born;
        }
    }

    /** A book, its id an identity column, versioned. */
    @Entity
    @Table(name = "HB_BOOK")
    public static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(length = 120)
        String title;
        LocalDateTime added;
        @ManyToOne(fetch = FetchType.LAZY)
        Author author;
        @Version
        int version;

        public Book() {
        }

        Book(String title, Author author, LocalDateTime added) {
            this.title = title;
            this.author = author;
            this.added = added;
        }
    }

    private static SessionFactory factory(DataSource ds, String ddl) {
        Configuration cfg = new Configuration().addAnnotatedClass(Author.class).addAnnotatedClass(Book.class);
        cfg.getProperties().put("hibernate.connection.datasource", ds);
        cfg.setProperty("hibernate.hbm2ddl.auto", ddl);
        cfg.setProperty("hibernate.jdbc.batch_size", "50");
        cfg.setProperty("hibernate.order_inserts", "true");
        cfg.setProperty("hibernate.dialect", "org.hibernate.dialect.OracleDialect");
        return cfg.buildSessionFactory();
    }

    static void run(DataSource ds) {
        LocalDateTime added = LocalDateTime.of(2026, 3, 4, 5, 6, 7);
        long authorId;
        long bookId;
        try (SessionFactory sf = factory(ds, "create")) {
            authorId = sf.fromTransaction(s -> {
                Author a = new Author("Le Guin", LocalDate.of(1929, 10, 21));
                s.persist(a);
                return a.id;
            });
            bookId = sf.fromTransaction(s -> {
                Book b = new Book("The Dispossessed", s.getReference(Author.class, authorId), added);
                s.persist(b);
                return b.id;
            });
            sf.inTransaction(s -> {
                for (int i = 0; i < 1000; i++) {
                    s.persist(new Author("author " + i, LocalDate.of(1950, 1, 1).plusDays(i)));
                }
            });
            Long authors = sf.fromSession(s -> s.createQuery("select count(a) from HibernateScenario$Author a", Long.class)
                    .getSingleResult());
            assertEquals(1001L, authors);
            Book read = sf.fromSession(s -> s.createQuery("from HibernateScenario$Book b join fetch b.author where b.id = :id",
                    Book.class).setParameter("id", bookId).getSingleResult());
            assertEquals("Le Guin", read.author.name);
            assertEquals(added, read.added);
            assertEquals(LocalDate.of(1929, 10, 21), read.author.born);
            List<String> page = sf.fromSession(s -> s.createQuery("select a.name from HibernateScenario$Author a where a.name like 'author %'"
                    + " order by a.born", String.class).setFirstResult(10).setMaxResults(5).getResultList());
            assertEquals(List.of("author 10", "author 11", "author 12", "author 13", "author 14"), page);
            List<Author> criteria = sf.fromSession(s -> {
                CriteriaBuilder cb = s.getCriteriaBuilder();
                CriteriaQuery<Author> q = cb.createQuery(Author.class);
                Root<Author> r = q.from(Author.class);
                q.where(cb.lessThan(r.get("born"), LocalDate.of(1950, 1, 3)));
                return s.createQuery(q.orderBy(cb.asc(r.get("born")))).getResultList();
            });
            assertEquals(List.of("Le Guin", "author 0", "author 1"), criteria.stream().map(a -> a.name).toList());
            sf.inTransaction(s -> s.find(Book.class, bookId).title = "The Dispossessed (1974)");
            Book stale = read;
            stale.title = "stale";
            assertThrows(OptimisticLockException.class, () -> sf.inTransaction(s -> s.merge(stale)));
            Integer version = sf.fromSession(s -> s.find(Book.class, bookId).version);
            assertEquals(1, version);
        }
        try (SessionFactory validated = factory(ds, "validate")) {
            assertTrue(validated.isOpen(), "schema validation passed");
        }
    }
}
