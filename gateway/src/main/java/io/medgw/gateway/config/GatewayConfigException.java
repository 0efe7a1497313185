package io.medgw.gateway.config;

/**
 * A configuration value was missing, malformed or out of range. The message names the key(s) as
 * written in the configuration file.
 */
public final class GatewayConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the first offending key.
     * @param message the full text, already naming the key(s).
     */
    public GatewayConfigException(final String key, final String message)
    {
        super(message);
        this.key = key;
    }

    /** @return the first offending key as written in the configuration file. */
    public String key()
    {
        return key;
    }
}
