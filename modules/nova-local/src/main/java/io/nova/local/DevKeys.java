package io.nova.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The development JWT signing key pair (RSA-2048, PEM): made once and kept under the data directory, so tokens
 * issued before a restart still verify after it. Never used outside {@code ./nova local}.
 */
public record DevKeys(String privatePem, String publicPem, Path directory) {

    static final String PRIVATE_FILE = "private.pem";
    static final String PUBLIC_FILE = "public.pem";

    /** The pair in {@code directory}, generated and written there first if it is not there yet. */
    public static DevKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(publicFile)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                // PKCS#8 and X.509 SubjectPublicKeyInfo: the "BEGIN PRIVATE KEY"/"BEGIN PUBLIC KEY" forms that
                // openssl writes and the kernel's PublicKeys reads.
                write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                try {
                    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system; the key is a development key anyway.
                }
            }
            return new DevKeys(Files.readString(privateFile), Files.readString(publicFile), directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the JWT dev keys in " + directory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        // Written next to the target and moved: a crash never leaves half a key that the next start would reuse.
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
