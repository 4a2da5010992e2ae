package io.patchbay.fleet;

/** Why a deployment failed, in one sentence: the server gets it as the failure's reason. */
final class DeploymentException extends Exception {

    private static final long serialVersionUID = 1L;

    DeploymentException(String sentence) {
        super(sentence);
    }

    DeploymentException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
