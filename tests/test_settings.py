"""book.settings: reading the reader's settings from the URL and writing them back."""
from book.settings import Rejected, Settings, from_query


def test_defaults_are_left_out_of_the_url():
    assert Settings().to_query() == {}
    assert Settings(lang="en", size="large").to_query() == {"lang": "en", "size": "large"}
    assert Settings(lang="en").to_query() == {"lang": "en"}


def test_valid_values_are_read_case_insensitively():
    settings, rejected = from_query({"lang": "EN", "size": "large"})
    assert settings == Settings(lang="en", size="large") and rejected == ()


def test_unknown_values_fall_back_to_the_default_and_are_reported():
    settings, rejected = from_query({"lang": "fr", "size": "huge"})
    assert settings == Settings()
    assert rejected == (Rejected("lang", "fr"), Rejected("size", "huge"))


def test_one_bad_value_keeps_the_good_one():
    settings, rejected = from_query({"lang": "en", "size": "99"})
    assert settings == Settings(lang="en") and [r.setting for r in rejected] == ["size"]


def test_large_text_scales_charts():
    assert Settings(size="large").scale > Settings().scale == 1.0
