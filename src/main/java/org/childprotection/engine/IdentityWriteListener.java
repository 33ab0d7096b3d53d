package org.childprotection.engine;

/**
 * Told of every change to the engine's users, groups, tenants and their memberships, whichever
 * command makes it: when the change is made, and again once its transaction has committed.
 * Installed by {@link PlatformEnginePlugin} ({@link IdentityWrites}).
 */
@FunctionalInterface
public interface IdentityWriteListener {

  void identityChanged();
}
