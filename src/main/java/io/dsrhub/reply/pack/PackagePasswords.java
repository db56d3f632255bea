package io.dsrhub.reply.pack;

import java.security.SecureRandom;

/** Passwords of encrypted data packages: 20 characters from an alphabet without look-alikes (about 110 bits). */
public final class PackagePasswords {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PackagePasswords() {
    }

    public static char[] generate() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return password;
    }
}
