package io.medgw.gateway.config;

/**
 * When a settlement is acknowledged relative to its ledger write.
 */
public enum Durability
{
    /** The reply leaves only after the ledger batch holding the entry was forced to disk (fsync). */
    FSYNC("fsync"),
    /** The reply leaves once the entry is in the OS page cache: survives a process crash, not a power loss. */
    PROCESS("process");

    private final String configName;

    Durability(final String configName)
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
    public static Durability byConfigName(final String text)
    {
        for (final Durability d : values())
        {
            if (d.configName.equalsIgnoreCase(text))
            {
                return d;
            }
        }
        return null;
    }
}
