package io.llmgate.core.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmgate.core.health.EndpointParams;

/**
 * Seals and opens the credential fields of a deployment's {@code litellm_params} (every field whose name looks
 * like a key, secret, token, password or credential, at any depth) for storage. {@code os.environ/NAME}
 * references are not secret material and stay readable, resolved when the deployment is loaded.
 */
public final class StoredCredentials {
    private static final String ENV_REFERENCE = "os.environ/";

    private final CredentialCipher cipher;

    public StoredCredentials(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** A copy of {@code params} with each credential value encrypted. */
    public ObjectNode seal(ObjectNode params) {
        ObjectNode copy = params.deepCopy();
        transform(copy, true);
        return copy;
    }

    /** A copy of {@code stored} with each encrypted value decrypted. */
    public ObjectNode open(ObjectNode stored) {
        ObjectNode copy = stored.deepCopy();
        transform(copy, false);
        return copy;
    }

    private void transform(ObjectNode node, boolean sealing) {
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                transform((ObjectNode) value, sealing);
            } else if (value.isTextual() && EndpointParams.looksSecret(field.getKey())) {
                String text = value.textValue();
                if (sealing && !text.startsWith(ENV_REFERENCE) && !CredentialCipher.isEncrypted(text)) {
                    field.setValue(node.textNode(cipher.encrypt(text)));
                } else if (!sealing && CredentialCipher.isEncrypted(text)) {
                    field.setValue(node.textNode(cipher.decrypt(text)));
                }
            }
        });
    }
}
