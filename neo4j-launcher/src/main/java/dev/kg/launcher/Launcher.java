package dev.kg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 only.
 *
 * <p>Usage: {@code Launcher --port N --home DIR [--pagecache-mb N] [--plugins DIR]}. Prints
 * {@code NEO4J_READY bolt://127.0.0.1:N} once the default database answers. Shuts down cleanly on
 * SIGTERM/SIGINT and when stdin reaches EOF, so a crashed parent never leaves an orphan JVM holding
 * the store lock.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    int port = Integer.parseInt(require(opts, "port"));
    Path home = Path.of(require(opts, "home")).toAbsolutePath();
    long pageCacheMb = Long.parseLong(opts.getOrDefault("pagecache-mb", "128"));
    Files.createDirectories(home);

    // Settings that may not exist in every 5.26 patch go through a properties file with strict
    // validation off, so an unknown key is ignored instead of failing the start.
    Path conf = home.resolve("launcher.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "server.fleet_discovery.enabled=false",
            "dbms.fleet_manager.enabled=false",
            "dbms.usage_report.enabled=false",
            // Bolt's shutdown otherwise waits 5 s for connections and 5 s more for its thread
            // pool, even with no client left: 10 s of every stop, SIGTERM included.
            "internal.server.bolt.connection_shutdown_wait_time=1s",
            "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
            ""));

    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(GraphDatabaseSettings.strict_config_validation, false)
            .loadPropertiesFromFile(conf)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120));
    if (opts.containsKey("plugins")) {
      builder
          .setConfig(GraphDatabaseSettings.plugin_dir, Path.of(opts.get("plugins")).toAbsolutePath())
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
    }

    DatabaseManagementService dbms = builder.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              dbms.shutdown();
              stopped.countDown();
            },
            "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
      System.err.println("NEO4J_FAILED database did not become available");
      System.exit(1);
    }
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    watchStdin();
    stopped.await();
  }

  /** Exits (running the shutdown hook) when the parent closes our stdin or dies. */
  private static void watchStdin() {
    Thread t =
        new Thread(
            () -> {
              try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                  // the parent never writes; we only wait for EOF
                }
              } catch (IOException ignored) {
                // a broken pipe means the parent is gone: stop as on EOF
              }
              System.exit(0);
            },
            "stdin-watch");
    t.setDaemon(true);
    t.start();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  private static String require(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v;
  }
}
