package org.childprotection.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.childprotection.config.ExpiringMemory;
import org.childprotection.engine.IdentityWriteListener;
import org.springframework.stereotype.Component;

/**
 * Logins (user id and password) the engine has just accepted, with the caller's groups and
 * tenants, taken again for a short while without asking the engine. A system calling
 * {@code /api} with HTTP Basic sends its password with every request, and each check costs a
 * password hash and three queries, each in a transaction of its own.
 *
 * <p>Any change to the engine's users, groups, tenants or memberships on this node forgets
 * everything at once ({@link IdentityWriteListener}), and a check that read the identity tables
 * before such a change never remembers what it found; a change on another node of a cluster
 * takes effect here when the login's time runs out. Logins that arrive at the same moment with
 * the same password share one check, so that a client's burst of parallel requests counts as
 * one login, not as many, at the {@link LoginThrottle}.
 *
 * <p>Passwords are not kept: a login is known by a keyed hash of user id and password, whose
 * key is random and lives only in this process.
 */
@Component
public class VerifiedLogins implements IdentityWriteListener {

  /**
   * A login's caller, and whether this caller's own check found them (otherwise the login was
   * remembered, or another request's check at the same moment found them).
   */
  public record Login(EngineUser user, boolean checkedNow) {}

  private static final String HASH = "HmacSHA256";

  private final VerifiedLoginsProperties settings;
  private final SecretKeySpec key;
  private final ExpiringMemory<String, EngineUser> remembered;
  private final Map<String, CompletableFuture<EngineUser>> checking = new ConcurrentHashMap<>();
  /** Moves on with every identity change: a check that began before one remembers nothing. */
  private long generation;

  public VerifiedLogins(VerifiedLoginsProperties settings, Clock clock) {
    this.settings = settings;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, HASH);
    this.remembered =
        new ExpiringMemory<>(settings.maxLogins(), settings.rememberFor(), clock::instant);
  }

  /**
   * The caller of this login: remembered, found by a check running at this moment for the same
   * login, or found by {@code check} (which throws when the login is refused; a refusal is
   * never remembered, and a request that waited for a check that refused runs its own).
   */
  public Login verify(String userId, String password, Supplier<EngineUser> check) {
    if (settings.rememberFor().isZero()) {
      return new Login(check.get(), true);
    }
    String login = hash(userId, password);
    EngineUser known = remembered.get(login);
    if (known != null) {
      return new Login(known, false);
    }
    CompletableFuture<EngineUser> mine = new CompletableFuture<>();
    CompletableFuture<EngineUser> running = checking.putIfAbsent(login, mine);
    if (running != null) {
      try {
        return new Login(running.join(), false);
      } catch (CompletionException | CancellationException refused) {
        return new Login(check.get(), true);
      }
    }
    long before = generation();
    try {
      EngineUser user = check.get();
      remember(login, user, before);
      mine.complete(user);
      return new Login(user, true);
    } catch (RuntimeException refused) {
      mine.completeExceptionally(refused);
      throw refused;
    } finally {
      checking.remove(login, mine);
    }
  }

  @Override
  public synchronized void identityChanged() {
    generation++;
    remembered.clear();
    // Requests from now on must not wait for a check that may have read the old rows.
    checking.clear();
  }

  private synchronized long generation() {
    return generation;
  }

  private synchronized void remember(String login, EngineUser user, long checkedIn) {
    if (checkedIn == generation) {
      remembered.put(login, user);
    }
  }

  private String hash(String userId, String password) {
    try {
      Mac mac = Mac.getInstance(HASH);
      mac.init(key);
      byte[] user = userId.getBytes(StandardCharsets.UTF_8);
      // The user id's length first, so that ("ab", "c") and ("a", "bc") differ.
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(user.length).array());
      mac.update(user);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HASH + " is part of every Java runtime", e);
    }
  }
}
