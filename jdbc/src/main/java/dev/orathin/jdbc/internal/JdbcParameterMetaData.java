package dev.orathin.jdbc.internal;

import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * {@link ParameterMetaData} from the statement text alone: how many parameters there are and that
 * they are IN parameters of unknown nullability. Their types would need a describe of the binds,
 * which Oracle does not offer: the type questions refuse with HYC00 naming themselves (Spring's
 * {@code StatementCreatorUtils} falls back to its own choice when they do).
 */
final class JdbcParameterMetaData implements ParameterMetaData {

    private final int count;

    JdbcParameterMetaData(int count) {
        this.count = count;
    }

    private void check(int param) throws SQLException {
        if (param < 1 || param > count) {
            throw Errors.error(JdbcErrorCode.INDEX_OUT_OF_RANGE, "parameter index " + param + " is out of range 1.." + count);
        }
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        check(param);
        return parameterNullableUnknown;
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        check(param);
        return parameterModeIn;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        check(param);
        throw Errors.notSupported("ParameterMetaData.isSigned");
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        check(param);
        throw Errors.notSupported("ParameterMetaData.getPrecision");
    }

    @Override
    public int getScale(int param) throws SQLException {
        check(param);
        throw Errors.notSupported("ParameterMetaData.getScale");
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        check(param);
        throw Errors.notSupported("ParameterMetaData.getParameterType");
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        check(param);
        throw Errors.notSupported("ParameterMetaData.getParameterTypeName");
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        check(param);
        throw Errors.notSupported("ParameterMetaData.getParameterClassName");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Wrappers.unwrap(this, null, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Wrappers.isWrapperFor(this, null, type);
    }
}
