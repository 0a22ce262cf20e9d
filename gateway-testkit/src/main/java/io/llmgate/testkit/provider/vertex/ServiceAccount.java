package io.llmgate.testkit.provider.vertex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.testkit.provider.Replies;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A Google service account made up for a test: a fresh RSA key and the JSON key file Google would issue
 * for it, with {@code token_uri} pointing wherever the test's token endpoint listens.
 */
public final class ServiceAccount {
    public static final String CLIENT_EMAIL = "llmgate-it@llmgate-fake.iam.gserviceaccount.com";

    private final KeyPair keys;
    private final String keyId;

    private ServiceAccount(KeyPair keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
    }

    public static ServiceAccount generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new ServiceAccount(generator.generateKeyPair(), Long.toHexString(System.nanoTime()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    /** Verifies the signatures of the JWT assertions the account's holder sends. */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The key file, in the shape of the JSON the Google Cloud console downloads. */
    public String json(String project, String tokenUri) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {(byte) 10}).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode json = Replies.JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", project)
                .put("private_key_id", keyId)
                .put("private_key", pem)
                .put("client_email", CLIENT_EMAIL)
                .put("client_id", "100000000000000000001")
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", tokenUri)
                .put("universe_domain", "googleapis.com");
        return Replies.toText(json);
    }
}
