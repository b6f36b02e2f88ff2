-- Numbers on the UK's public registers (issue 14, item 3): optional, tidied and format-checked by the API,
-- shown on the organisation and to the admin who verifies it.
alter table organisation
    add column company_number         text,
    add column charity_number         text,
    add column mutuals_number         text,
    add column social_housing_england text,
    add column social_housing_scotland text,
    add column social_housing_wales   text;
