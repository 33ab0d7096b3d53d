package org.childprotection.registry;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The index that finds a child by any part of their or a guardian's name ({@code name_gram},
 * V12): every one- and two-character piece of a name, lower-cased, with the child it leads to.
 * A search for a part of a name looks up one piece through the index and checks the whole part
 * on the few names it finds, instead of reading every name (Chinese names are two or three
 * characters: PostgreSQL's trigrams do not index them, and H2 has none). Written with the
 * names, by {@link Children} and the ledger import.
 */
@Repository
public class NameGrams {

  /** Whose name a piece comes from. */
  public static final String CHILD = "C";
  public static final String GUARDIAN = "G";

  private final JdbcTemplate jdbc;

  public NameGrams(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The pieces of a name: each character and each pair of neighbours, lower-cased. */
  public static Set<String> of(String name) {
    Set<String> grams = new LinkedHashSet<>();
    if (name == null) {
      return grams;
    }
    int[] points = name.toLowerCase(Locale.ROOT).codePoints()
        .filter(c -> !Character.isWhitespace(c)).toArray();
    for (int i = 0; i < points.length; i++) {
      grams.add(new String(points, i, 1));
      if (i + 1 < points.length) {
        grams.add(new String(points, i, 2));
      }
    }
    return grams;
  }

  /**
   * The piece of a search text to look up: its first pair of characters, or its one character.
   * Null for a text without any.
   */
  public static String lookupGram(String text) {
    Set<String> grams = of(text);
    return grams.stream().filter(g -> g.codePointCount(0, g.length()) == 2).findFirst()
        .orElse(grams.stream().findFirst().orElse(null));
  }

  /** The pieces of a child's name, for a child just registered (who has none yet). */
  public void childNamed(long childId, String name) {
    insert(CHILD, List.of(Map.entry(childId, name)));
  }

  public void childrenNamed(Map<Long, String> names) {
    if (names.isEmpty()) {
      return;
    }
    jdbc.batchUpdate("DELETE FROM name_gram WHERE owner_id = ? AND owner_kind = 'C'",
        names.keySet().stream().map(id -> new Object[] {id}).toList());
    newChildrenNamed(names);
  }

  /** The pieces of children registered just now, who have none yet. */
  public void newChildrenNamed(Map<Long, String> names) {
    insert(CHILD, List.copyOf(names.entrySet()));
  }

  /** A guardian's name's pieces, leading to their child. */
  public void guardiansNamed(List<Map.Entry<Long, String>> childAndGuardianNames) {
    insert(GUARDIAN, childAndGuardianNames);
  }

  /**
   * All pieces in one statement, as two arrays the database unnests: a ledger writes several
   * pieces for every row, and a JDBC batch would bind three parameters for each of them.
   */
  private void insert(String kind, List<Map.Entry<Long, String>> owners) {
    List<String> pieces = new ArrayList<>();
    List<Long> ownerIds = new ArrayList<>();
    for (Map.Entry<Long, String> owner : owners) {
      for (String gram : of(owner.getValue())) {
        pieces.add(gram);
        ownerIds.add(owner.getKey());
      }
    }
    if (pieces.isEmpty()) {
      return;
    }
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO name_gram (gram, owner_kind, owner_id)
          SELECT piece.gram, CAST(? AS CHAR(1)), piece.owner_id
          FROM UNNEST(CAST(? AS VARCHAR(8) ARRAY), CAST(? AS BIGINT ARRAY))
            AS piece (gram, owner_id)""");
      insert.setString(1, kind);
      insert.setArray(2, connection.createArrayOf("VARCHAR", pieces.toArray()));
      insert.setArray(3, connection.createArrayOf("BIGINT", ownerIds.toArray()));
      return insert;
    });
  }
}
