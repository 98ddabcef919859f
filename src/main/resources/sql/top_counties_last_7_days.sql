-- The 10 counties with the most new cases over the last 7 days of the data: the latest date and the 6 before.
-- A county is a (state, county) pair, since the NYT reports some places (New York City, "Unknown") without a
-- FIPS code. A day's new cases are the county's cumulative count minus its count of the previous day in the data;
-- the first day of the data has none. Decreases (corrections) count as negative new cases, so a county's sum is
-- the change of its total over the week. Ties are broken by state and county name.
WITH daily AS (
    SELECT "date",
           state,
           county,
           cases - lag(cases) OVER (PARTITION BY state, county ORDER BY "date") AS new_cases,
           deaths - lag(deaths) OVER (PARTITION BY state, county ORDER BY "date") AS new_deaths
    FROM us_counties
),
last_day AS (
    SELECT max("date") AS latest FROM us_counties
)
SELECT state,
       county,
       sum(new_cases) AS new_cases_7d,
       sum(new_deaths) AS new_deaths_7d
FROM daily CROSS JOIN last_day
WHERE "date" > latest - INTERVAL '7' DAY
GROUP BY state, county
ORDER BY new_cases_7d DESC NULLS LAST, state, county
LIMIT 10
