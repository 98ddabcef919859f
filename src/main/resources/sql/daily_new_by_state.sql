-- Daily new cases and new deaths per state, from the NYT's cumulative county counts.
-- A state's total of a day is the sum over its counties; "new" is that total minus the state's total of the
-- previous day in the data. The first day of the data has no previous day, so its new values are NULL
-- (not the cumulative total).
-- Cumulative counts do go down when the NYT corrects earlier reports. Such a day's new value is negative and is
-- kept as it is, a correction: the new values of any period then add up to the change of the totals.
WITH state_totals AS (
    SELECT "date", state, sum(cases) AS cases, sum(deaths) AS deaths
    FROM us_counties
    GROUP BY "date", state
)
SELECT "date",
       state,
       cases - lag(cases) OVER (PARTITION BY state ORDER BY "date") AS new_cases,
       deaths - lag(deaths) OVER (PARTITION BY state ORDER BY "date") AS new_deaths,
       cases AS total_cases,
       deaths AS total_deaths
FROM state_totals
ORDER BY "date" DESC, state
