package org.childprotection.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record: each component from the column named like it in snake case
 * ({@code caseNumber} from {@code case_number}), or from a column aliased as the component itself.
 *
 * <p>Use it instead of {@code JdbcClient.query(SomeRecord.class)}. Spring's mapper behind that
 * asks the result set for every camel-case component by its own name first, and each miss is an
 * SQLException thrown for every row read (and written to H2's trace file). This one finds the
 * columns in the result set's metadata, so that it never asks for a column the row does not
 * have, and refuses a query that lacks a component's column.
 */
public final class RecordRowMapper<T extends Record> implements RowMapper<T> {

  private static final ClassValue<RecordRowMapper<?>> MAPPERS = new ClassValue<>() {
    @Override
    protected RecordRowMapper<?> computeValue(Class<?> type) {
      return new RecordRowMapper<>(type.asSubclass(Record.class));
    }
  };

  private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

  private final Class<T> type;
  private final Constructor<T> constructor;
  private final String[] components;
  private final String[] columns;
  private final TypeDescriptor[] types;

  private RecordRowMapper(Class<T> type) {
    this.type = type;
    RecordComponent[] recordComponents = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
    components = new String[recordComponents.length];
    columns = new String[recordComponents.length];
    for (int i = 0; i < recordComponents.length; i++) {
      parameterTypes[i] = recordComponents[i].getType();
      components[i] = recordComponents[i].getName().toLowerCase(Locale.ROOT);
      columns[i] = JdbcUtils.convertPropertyNameToUnderscoreName(recordComponents[i].getName());
    }
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
    types = new TypeDescriptor[recordComponents.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
    }
  }

  @SuppressWarnings("unchecked")
  public static <T extends Record> RecordRowMapper<T> of(Class<T> type) {
    return (RecordRowMapper<T>) MAPPERS.get(type);
  }

  @Override
  public T mapRow(ResultSet rs, int rowNum) throws SQLException {
    Map<String, Integer> columnIndexes = columnIndexes(rs.getMetaData());
    Object[] values = new Object[types.length];
    for (int i = 0; i < values.length; i++) {
      Integer index = columnIndexes.getOrDefault(columns[i], columnIndexes.get(components[i]));
      if (index == null) {
        throw new IllegalStateException("the query for " + type.getName() + " has no column "
            + columns[i] + ": it has " + columnIndexes.keySet());
      }
      values[i] = CONVERSION.convert(JdbcUtils.getResultSetValue(rs, index, types[i].getType()),
          types[i]);
    }
    return BeanUtils.instantiateClass(constructor, values);
  }

  /**
   * Column labels in lower case (H2 reports them in upper case, PostgreSQL in lower); of equal
   * labels the first wins, as with {@link ResultSet#findColumn}.
   */
  private static Map<String, Integer> columnIndexes(ResultSetMetaData metaData)
      throws SQLException {
    Map<String, Integer> indexes = new HashMap<>();
    for (int index = metaData.getColumnCount(); index >= 1; index--) {
      indexes.put(JdbcUtils.lookupColumnName(metaData, index).toLowerCase(Locale.ROOT), index);
    }
    return indexes;
  }
}
