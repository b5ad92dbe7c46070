-- The region's code beside its name in the reporting table (regionaloffices): a regional prosecutors' office
-- (group prosecutors-<code>) reads the cases of its own region by it. New cases get it from the intake's
-- regionCode variable. Rows of earlier cases get it here where their region's text is one of the region's
-- code, names or aliases (regions/regions.json), ignoring case; regionaloffices.RegionCodeBackfill fills the
-- rest the intake would have recognised at the next start-up. A region that names none stays null: only the
-- General Prosecutor's Office (group prosecutors) reads such a case.
alter table case_report add column region_code varchar(64);

create index case_report_region_code on case_report (region_code);

update case_report set region_code = 'astana' where region_code is null
    and (trim(region) in ('astana', 'Астана', 'астана', 'Astana', 'Nur-Sultan', 'nur-sultan', 'Нур-Султан', 'нур-султан', 'Astana city', 'astana city', 'г. Астана', 'г. астана')
    or lower(trim(region)) in ('astana', 'астана', 'nur-sultan', 'нур-султан', 'astana city', 'г. астана'));
update case_report set region_code = 'almaty' where region_code is null
    and (trim(region) in ('almaty', 'Алматы', 'алматы', 'Almaty', 'Almaty city', 'almaty city', 'г. Алматы', 'г. алматы', 'Алматы қаласы', 'алматы қаласы')
    or lower(trim(region)) in ('almaty', 'алматы', 'almaty city', 'г. алматы', 'алматы қаласы'));
update case_report set region_code = 'shymkent' where region_code is null
    and (trim(region) in ('shymkent', 'Шымкент', 'шымкент', 'Shymkent', 'Shymkent city', 'shymkent city', 'г. Шымкент', 'г. шымкент')
    or lower(trim(region)) in ('shymkent', 'шымкент', 'shymkent city', 'г. шымкент'));
update case_report set region_code = 'abai' where region_code is null
    and (trim(region) in ('abai', 'Абай облысы', 'абай облысы', 'Абайская область', 'абайская область', 'Abai Region', 'abai region', 'Abay Region', 'abay region', 'Abai')
    or lower(trim(region)) in ('abai', 'абай облысы', 'абайская область', 'abai region', 'abay region'));
update case_report set region_code = 'akmola' where region_code is null
    and (trim(region) in ('akmola', 'Ақмола облысы', 'ақмола облысы', 'Акмолинская область', 'акмолинская область', 'Akmola Region', 'akmola region', 'Akmola')
    or lower(trim(region)) in ('akmola', 'ақмола облысы', 'акмолинская область', 'akmola region'));
update case_report set region_code = 'aktobe' where region_code is null
    and (trim(region) in ('aktobe', 'Ақтөбе облысы', 'ақтөбе облысы', 'Актюбинская область', 'актюбинская область', 'Aktobe Region', 'aktobe region', 'Aktobe')
    or lower(trim(region)) in ('aktobe', 'ақтөбе облысы', 'актюбинская область', 'aktobe region'));
update case_report set region_code = 'almaty-region' where region_code is null
    and (trim(region) in ('almaty-region', 'Алматы облысы', 'алматы облысы', 'Алматинская область', 'алматинская область', 'Almaty Region', 'almaty region')
    or lower(trim(region)) in ('almaty-region', 'алматы облысы', 'алматинская область', 'almaty region'));
update case_report set region_code = 'atyrau' where region_code is null
    and (trim(region) in ('atyrau', 'Атырау облысы', 'атырау облысы', 'Атырауская область', 'атырауская область', 'Atyrau Region', 'atyrau region', 'Atyrau')
    or lower(trim(region)) in ('atyrau', 'атырау облысы', 'атырауская область', 'atyrau region'));
update case_report set region_code = 'east-kazakhstan' where region_code is null
    and (trim(region) in ('east-kazakhstan', 'Шығыс Қазақстан облысы', 'шығыс қазақстан облысы', 'Восточно-Казахстанская область', 'восточно-казахстанская область', 'East Kazakhstan Region', 'east kazakhstan region', 'East Kazakhstan', 'east kazakhstan')
    or lower(trim(region)) in ('east-kazakhstan', 'шығыс қазақстан облысы', 'восточно-казахстанская область', 'east kazakhstan region', 'east kazakhstan'));
update case_report set region_code = 'zhambyl' where region_code is null
    and (trim(region) in ('zhambyl', 'Жамбыл облысы', 'жамбыл облысы', 'Жамбылская область', 'жамбылская область', 'Zhambyl Region', 'zhambyl region', 'Zhambyl', 'Jambyl Region', 'jambyl region')
    or lower(trim(region)) in ('zhambyl', 'жамбыл облысы', 'жамбылская область', 'zhambyl region', 'jambyl region'));
update case_report set region_code = 'zhetysu' where region_code is null
    and (trim(region) in ('zhetysu', 'Жетісу облысы', 'жетісу облысы', 'Область Жетісу', 'область жетісу', 'Zhetysu Region', 'zhetysu region', 'Zhetysu', 'Jetisu Region', 'jetisu region')
    or lower(trim(region)) in ('zhetysu', 'жетісу облысы', 'область жетісу', 'zhetysu region', 'jetisu region'));
update case_report set region_code = 'west-kazakhstan' where region_code is null
    and (trim(region) in ('west-kazakhstan', 'Батыс Қазақстан облысы', 'батыс қазақстан облысы', 'Западно-Казахстанская область', 'западно-казахстанская область', 'West Kazakhstan Region', 'west kazakhstan region', 'West Kazakhstan', 'west kazakhstan')
    or lower(trim(region)) in ('west-kazakhstan', 'батыс қазақстан облысы', 'западно-казахстанская область', 'west kazakhstan region', 'west kazakhstan'));
update case_report set region_code = 'karaganda' where region_code is null
    and (trim(region) in ('karaganda', 'Қарағанды облысы', 'қарағанды облысы', 'Карагандинская область', 'карагандинская область', 'Karaganda Region', 'karaganda region', 'Karaganda', 'Qaraghandy Region', 'qaraghandy region')
    or lower(trim(region)) in ('karaganda', 'қарағанды облысы', 'карагандинская область', 'karaganda region', 'qaraghandy region'));
update case_report set region_code = 'kostanay' where region_code is null
    and (trim(region) in ('kostanay', 'Қостанай облысы', 'қостанай облысы', 'Костанайская область', 'костанайская область', 'Kostanay Region', 'kostanay region', 'Kostanay', 'Kostanai Region', 'kostanai region')
    or lower(trim(region)) in ('kostanay', 'қостанай облысы', 'костанайская область', 'kostanay region', 'kostanai region'));
update case_report set region_code = 'kyzylorda' where region_code is null
    and (trim(region) in ('kyzylorda', 'Қызылорда облысы', 'қызылорда облысы', 'Кызылординская область', 'кызылординская область', 'Kyzylorda Region', 'kyzylorda region', 'Kyzylorda')
    or lower(trim(region)) in ('kyzylorda', 'қызылорда облысы', 'кызылординская область', 'kyzylorda region'));
update case_report set region_code = 'mangystau' where region_code is null
    and (trim(region) in ('mangystau', 'Маңғыстау облысы', 'маңғыстау облысы', 'Мангистауская область', 'мангистауская область', 'Mangystau Region', 'mangystau region', 'Mangystau', 'Mangistau Region', 'mangistau region')
    or lower(trim(region)) in ('mangystau', 'маңғыстау облысы', 'мангистауская область', 'mangystau region', 'mangistau region'));
update case_report set region_code = 'pavlodar' where region_code is null
    and (trim(region) in ('pavlodar', 'Павлодар облысы', 'павлодар облысы', 'Павлодарская область', 'павлодарская область', 'Pavlodar Region', 'pavlodar region', 'Pavlodar')
    or lower(trim(region)) in ('pavlodar', 'павлодар облысы', 'павлодарская область', 'pavlodar region'));
update case_report set region_code = 'north-kazakhstan' where region_code is null
    and (trim(region) in ('north-kazakhstan', 'Солтүстік Қазақстан облысы', 'солтүстік қазақстан облысы', 'Северо-Казахстанская область', 'северо-казахстанская область', 'North Kazakhstan Region', 'north kazakhstan region', 'North Kazakhstan', 'north kazakhstan')
    or lower(trim(region)) in ('north-kazakhstan', 'солтүстік қазақстан облысы', 'северо-казахстанская область', 'north kazakhstan region', 'north kazakhstan'));
update case_report set region_code = 'turkistan' where region_code is null
    and (trim(region) in ('turkistan', 'Түркістан облысы', 'түркістан облысы', 'Туркестанская область', 'туркестанская область', 'Turkistan Region', 'turkistan region', 'Turkestan Region', 'turkestan region', 'Turkistan', 'Turkestan', 'turkestan')
    or lower(trim(region)) in ('turkistan', 'түркістан облысы', 'туркестанская область', 'turkistan region', 'turkestan region', 'turkestan'));
update case_report set region_code = 'ulytau' where region_code is null
    and (trim(region) in ('ulytau', 'Ұлытау облысы', 'ұлытау облысы', 'Область Ұлытау', 'область ұлытау', 'Ulytau Region', 'ulytau region', 'Ulytau')
    or lower(trim(region)) in ('ulytau', 'ұлытау облысы', 'область ұлытау', 'ulytau region'));
