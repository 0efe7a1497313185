package io.medgw.loadtest.region;

/**
 * How much demo reference data {@link DemoRegionGenerator} writes. Every scale has the same three
 * pooling regions, the same policies and the same mix; only the counts differ.
 */
public enum Scale
{
    /** For tests: 2,000 catalogue codes per region, 5,000 persons, 60 institutions. */
    SMALL(2_000, 5_000, 60),
    /** The demo: 50,000 catalogue codes per region, 200,000 persons, 1,200 institutions. */
    DEMO(50_000, 200_000, 1_200);

    private final int catalogueItemsPerRegion;
    private final int persons;
    private final int institutions;

    Scale(final int catalogueItemsPerRegion, final int persons, final int institutions)
    {
        this.catalogueItemsPerRegion = catalogueItemsPerRegion;
        this.persons = persons;
        this.institutions = institutions;
    }

    /** @return distinct catalogue codes in each region's catalogue. */
    public int catalogueItemsPerRegion()
    {
        return catalogueItemsPerRegion;
    }

    /** @return persons over all regions. */
    public int persons()
    {
        return persons;
    }

    /** @return institutions over all regions. */
    public int institutions()
    {
        return institutions;
    }
}
