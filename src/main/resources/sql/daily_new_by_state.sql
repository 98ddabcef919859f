-- Daily new cases and new deaths per state, from the NYT's cumulative county counts.
-- A state's total of a day is the sum over its counties; "new" is that total minus the state's total of the
-- previous day in the data. The first day of the data has no previous day, so its new values are NULL
-- (not the cumulative total).
-- Cumulative counts do go down when the NYT corrects earlier reports. Such a day's new value is negative and is
-- kept as it is, a correction: the new values of any period then add up to the change of the totals.
-- The newest day may still be arriving (the lake gets a day's rows as they come): the report ends at the latest
-- complete day, the newest one with at least 95 % of the rows of the day before it. CAST, because a JSON lake's
-- crawler types the date as a string.
WITH county_days AS (
    SELECT CAST("date" AS date) AS day, state, cases, deaths FROM us_counties
),
day_rows AS (
    SELECT day, count(*) AS row_count, lag(count(*)) OVER (ORDER BY day) AS previous_count
    FROM county_days
    GROUP BY day
),
complete AS (
    SELECT max(day) AS last_day FROM day_rows WHERE previous_count IS NULL OR row_count >= 0.95 * previous_count
),
state_totals AS (
    SELECT day, state, sum(cases) AS cases, sum(deaths) AS deaths
    FROM county_days CROSS JOIN complete
    WHERE day <= last_day
    GROUP BY day, state
)
SELECT day AS "date",
       state,
       cases - lag(cases) OVER (PARTITION BY state ORDER BY day) AS new_cases,
       deaths - lag(deaths) OVER (PARTITION BY state ORDER BY day) AS new_deaths,
       cases AS total_cases,
       deaths AS total_deaths
FROM state_totals
ORDER BY day DESC, state
