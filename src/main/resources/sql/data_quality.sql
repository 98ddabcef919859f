-- Data quality per day: how many rows arrived, how many have no FIPS code or no death count, and in how many
-- counties a cumulative count went down since the county's previous day in the data. Decreases are how the NYT
-- corrects earlier reports; the other reports keep them as negative new values, this one counts them.
-- A decrease needs a previous day, so the first day of the data shows none.
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
       count_if(fips IS NULL OR fips = '') AS rows_without_fips,
       count_if(deaths IS NULL) AS rows_without_deaths,
       count_if(cases_decreased) AS counties_cases_decreased,
       count_if(deaths_decreased) AS counties_deaths_decreased
FROM changes
GROUP BY "date"
ORDER BY "date" DESC
