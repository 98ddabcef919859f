-- The 10 counties with the most new cases over the last 7 days of the data: the latest complete day and the 6
-- before. A county is a (state, county) pair, since the NYT reports some places (New York City, "Unknown")
-- without a FIPS code. A day's new cases are the county's cumulative count minus its count of the previous day in
-- the data; the first day of the data has none. Decreases (corrections) count as negative new cases, so a
-- county's sum is the change of its total over the week. Ties are broken by state and county name.
-- The newest day may still be arriving: the week ends at the latest complete day, the newest one with at least
-- 95 % of the rows of the day before it. CAST, because a JSON lake's crawler types the date as a string.
WITH county_days AS (
    SELECT CAST("date" AS date) AS day, state, county, cases, deaths FROM us_counties
),
day_rows AS (
    SELECT day, count(*) AS row_count, lag(count(*)) OVER (ORDER BY day) AS previous_count
    FROM county_days
    GROUP BY day
),
complete AS (
    SELECT max(day) AS last_day FROM day_rows WHERE previous_count IS NULL OR row_count >= 0.95 * previous_count
),
daily AS (
    SELECT day,
           last_day,
           state,
           county,
           cases - lag(cases) OVER (PARTITION BY state, county ORDER BY day) AS new_cases,
           deaths - lag(deaths) OVER (PARTITION BY state, county ORDER BY day) AS new_deaths
    FROM county_days CROSS JOIN complete
    WHERE day <= last_day
)
SELECT state,
       county,
       sum(new_cases) AS new_cases_7d,
       sum(new_deaths) AS new_deaths_7d
FROM daily
WHERE day > last_day - INTERVAL '7' DAY
GROUP BY state, county
ORDER BY new_cases_7d DESC NULLS LAST, state, county
LIMIT 10
