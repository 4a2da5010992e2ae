/**
 * The Gogo shell over SSH: an SSH server (Apache MINA SSHD) that runs only while configured, authenticates public
 * keys from an authorized_keys file, and gives each login a Gogo session of its own in which the ledger's actor is
 * {@code ssh:<user>}. Nothing here is exported.
 */
package io.patchbay.ssh;
