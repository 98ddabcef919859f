-- Data quality per day: how many rows arrived, how many have no FIPS code or no death count, and in how many
-- counties a cumulative count went down since the county's previous day in the data. Decreases are how the NYT
-- corrects earlier reports; the other reports keep them as negative new values, this one counts them.
-- A decrease needs a previous day, so the first day of the data shows none. count(CASE ...) rather than
-- count_if, which gives 0 in Athena but NULL in DuckDB when no row has a previous day.
WITH changes AS (
    SELECT "date",
           fips,
           deaths,
           cases < lag(cases) OVER (PARTITION BY state, county ORDER BY "date") AS cases_decreased,
           deaths < lag(deaths) OVER (PARTITION BY state, county ORDER BY "date") AS deaths_decreased
    FROM us_counties
)
SELECT "date",
       count(*) AS row_count,
       count(CASE WHEN fips IS NULL OR fips = '' THEN 1 END) AS rows_without_fips,
       count(CASE WHEN deaths IS NULL THEN 1 END) AS rows_without_deaths,
       count(CASE WHEN cases_decreased THEN 1 END) AS counties_cases_decreased,
       count(CASE WHEN deaths_decreased THEN 1 END) AS counties_deaths_decreased
FROM changes
GROUP BY "date"
ORDER BY "date" DESC
