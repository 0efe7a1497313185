package io.medgw.gateway.config;

/**
 * Which Netty transport carries the settlement port: a deployment choice made in the configuration
 * file ({@code net.transport}). The server maps each name onto its event-loop I/O handler and
 * channel classes; nothing else in the gateway knows which one runs.
 */
public enum NetTransport
{
    /**
     * Linux native epoll (edge-triggered, eventfd wake-ups, no selected-key set). Falls back to NIO,
     * logged once at start, when the native library cannot be loaded (not Linux x86_64, or a
     * read-only temp directory).
     */
    EPOLL("epoll"),
    /** The JDK's NIO selector: portable, the reference transport. */
    NIO("nio");

    private final String configName;

    NetTransport(final String configName)
    {
        this.configName = configName;
    }

    /** @return the value used in the configuration file. */
    public String configName()
    {
        return configName;
    }

    /**
     * @param text a configuration value (case-insensitive).
     * @return the matching constant, or null.
     */
    public static NetTransport byConfigName(final String text)
    {
        for (final NetTransport t : values())
        {
            if (t.configName.equalsIgnoreCase(text))
            {
                return t;
            }
        }
        return null;
    }
}
