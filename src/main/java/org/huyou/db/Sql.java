package org.huyou.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * A statement written by hand (where jOOQ's building costs more than the statement, as in the register's search):
 * its text is made only of constant fragments, and every value goes in as a bound parameter. {@code SqlTextTest}
 * checks that each {@link #sql} call passes a constant, so no typed text can become SQL.
 */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    /** A fragment of SQL text: a constant, never a value. */
    public Sql sql(String constantFragment) {
        text.append(constantFragment);
        return this;
    }

    /** One bound value. */
    public Sql value(Object value) {
        text.append('?');
        values.add(value);
        return this;
    }

    /** Bound values separated by commas, for {@code IN (...)}; at least one. */
    public Sql values(Collection<?> many) {
        if (many.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        boolean first = true;
        for (Object v : many) {
            if (!first) {
                text.append(", ");
            }
            value(v);
            first = false;
        }
        return this;
    }

    /** Another statement's text and values, in place. */
    public Sql append(Sql other) {
        text.append(other.text);
        values.addAll(other.values);
        return this;
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** The same, as a condition of a jOOQ query (jOOQ binds the values). */
    public Condition condition() {
        return DSL.condition(text.toString(), values.toArray());
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
