// A real client: call recfair through JDBC with prepared statements and bound
// parameters, as a BI tool or an application does, and check the rows.
//
//   java -cp .:postgresql.jar RecfairJdbcTest jdbc:postgresql://host:port/db user
//
// Prints TAP-style lines and exits non-zero on any failure.

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

public class RecfairJdbcTest {
    private static int tests = 0;
    private static int failures = 0;

    private static void check(boolean ok, String what) {
        tests++;
        if (!ok) {
            failures++;
        }
        System.out.println((ok ? "ok " : "not ok ") + tests + " - " + what);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        try (Connection conn = DriverManager.getConnection(url, user, "")) {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS recfair");
                st.execute("SET client_min_messages = warning");
            }

            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT table_name::text, rows FROM recfair.generate_dataset(?, ?, ?, ?, seed => ?)")) {
                ps.setString(1, "jdbc_shop");
                ps.setInt(2, 2000);
                ps.setInt(3, 500);
                ps.setLong(4, 40000L);
                ps.setInt(5, 7);
                Map<String, Long> rows = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), rs.getLong(2));
                    }
                }
                check(rows.size() == 3 && rows.get("jdbc_shop_interactions") == 40000L,
                      "generate_dataset returns its three tables with their sizes");
            }

            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT table_name::text, rows FROM recfair.split(?::regclass, ?, ?)")) {
                ps.setString(1, "jdbc_shop_interactions");
                ps.setString(2, "jdbc_shop");
                ps.setFloat(3, 0.2f);
                long total = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        total += rs.getLong(2);
                    }
                }
                check(total == 40000L, "split keeps every row");
            }

            try (Statement st = conn.createStatement()) {
                st.execute("SET client_min_messages = notice");  // training's progress, for the checks below
                st.execute("SET recfair.progress_notices = on");  // a NOTICE per iteration, and a summary
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT name, algorithm, users, items, factors FROM recfair.train(?, ?::regclass, weight_col => ?, "
                    + "factors => ?, iterations => ?, regularization => ?, items => ?::regclass, users => ?::regclass)")) {
                ps.setString(1, "jdbc_model");
                ps.setString(2, "jdbc_shop_train");
                ps.setString(3, "weight");
                ps.setInt(4, 8);
                ps.setInt(5, 5);
                ps.setFloat(6, 1.0f);
                ps.setString(7, "jdbc_shop_items");
                ps.setString(8, "jdbc_shop_users");
                try (ResultSet rs = ps.executeQuery()) {
                    check(rs.next(), "train returns the model's catalog row");
                    check("jdbc_model".equals(rs.getString("name")) && "als".equals(rs.getString("algorithm"))
                          && rs.getInt("factors") == 8 && rs.getLong("items") > 0,
                          "the row names the model, algorithm and dimensions");
                    check(!rs.next(), "exactly one row");
                }
                int progress = 0;
                int summary = 0;
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                    if (w.getMessage().matches("iteration [1-5]/5: loss [0-9.e+-]+, [0-9.]+ s"))
                        progress++;
                    if (w.getMessage().startsWith("trained \"jdbc_model\": "))
                        summary++;
                }
                check(progress == 5, "with recfair.progress_notices, one progress NOTICE per iteration reaches the client");
                check(summary == 1, "with recfair.progress_notices, one summary NOTICE");
            }
            try (Statement st = conn.createStatement()) {
                st.execute("SET recfair.progress_notices = off");  // the default: no progress NOTICEs
            }
            try (Statement st = conn.createStatement()) {
                st.execute("SELECT recfair.train('jdbc_nulls', source_query => 'SELECT * FROM (VALUES (1, 1), (NULL, 2), (2, NULL), (2, 2)) "
                           + "v(user_id, item_id)', factors => 2, iterations => 1)");
                boolean skipped = false;
                int others = 0;
                for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                    if (w.getMessage().equals("skipped 2 rows with a NULL user or item id"))
                        skipped = true;
                    else
                        others++;
                }
                check(skipped, "rows with a NULL id are counted in a NOTICE, verbose or not");
                check(others == 0, "without recfair.progress_notices, no progress NOTICE");
                st.execute("SELECT recfair.drop_model('jdbc_nulls')");
                st.execute("SET client_min_messages = warning");
            }

            long shopper;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT min(user_id) FROM jdbc_shop_test")) {
                rs.next();
                shopper = rs.getLong(1);
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT rank, item_id, score, group_value FROM recfair.recommend_fair(?, ?, ?, model => ?)")) {
                ps.setLong(1, shopper);
                ps.setInt(2, 10);
                ps.setString(3, "price_tier");
                ps.setString(4, "jdbc_model");
                int n = 0;
                boolean ranksInOrder = true;
                boolean groupsKnown = true;
                Set<Long> items = new HashSet<>();
                Set<String> groups = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        ranksInOrder &= rs.getInt("rank") == n;
                        items.add(rs.getLong("item_id"));
                        String g = rs.getString("group_value");
                        groupsKnown &= g != null
                            && (g.equals("budget") || g.equals("mid") || g.equals("premium"));
                        groups.add(g);
                    }
                }
                check(n == 10, "recommend_fair returns k rows");
                check(ranksInOrder, "ranks run 1..k");
                check(items.size() == 10, "no item twice");
                check(groupsKnown && groups.size() == 3, "group_value is the item's price tier, all three tiers present");
                // the same prepared statement again (drivers switch to server-side prepared plans)
                for (int i = 0; i < 6; i++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        int m = 0;
                        while (rs.next()) {
                            m++;
                        }
                        if (m != 10) {
                            n = -1;
                        }
                    }
                }
                check(n == 10, "re-executing the prepared statement keeps working");
            }

            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT metric, value FROM recfair.evaluate(?, ?::regclass, ?, group_col => ?, target => ?)")) {
                ps.setString(1, "jdbc_model");
                ps.setString(2, "jdbc_shop_test");
                ps.setInt(3, 10);
                ps.setString(4, "brand");
                ps.setString(5, "catalog");
                Map<String, Double> metrics = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        metrics.put(rs.getString(1), rs.getDouble(2));
                    }
                }
                Double ndcg = metrics.get("ndcg@10");
                Double disparity = metrics.get("exposure_disparity@10");
                Double evaluated = metrics.get("users_evaluated");
                check(ndcg != null && ndcg > 0 && ndcg <= 1, "evaluate reports ndcg@10 in (0, 1]");
                check(disparity != null && disparity >= 0 && disparity <= 1, "and exposure_disparity@10 in [0, 1]");
                check(evaluated != null && evaluated > 100, "over the test users");
            }

            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT * FROM recfair.recommend_fair(?, ?, ?, model => ?)")) {
                ps.setLong(1, shopper);
                ps.setInt(2, 0);
                ps.setString(3, "price_tier");
                ps.setString(4, "jdbc_model");
                String state = null;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                } catch (SQLException e) {
                    state = e.getSQLState();
                }
                check("22023".equals(state), "a bad k comes back as SQLSTATE 22023");
            }
        }
        System.out.println("1.." + tests);
        if (failures > 0) {
            System.out.println("# " + failures + " of " + tests + " failed");
            System.exit(1);
        }
    }
}
