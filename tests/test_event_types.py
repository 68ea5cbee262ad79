from kizuna.event_types import event_type, event_types, role_free_types, types_with_stance
from kizuna.model import EVENT_TYPES


def test_every_contract_type_is_described():
    assert tuple(event_types()) == EVENT_TYPES


def test_the_contract_table_codes():
    assert (event_type("RESTRICT").plover, event_type("RESTRICT").cameo) == ("SANCTION", "16")
    assert (event_type("POLICY").plover, event_type("POLICY").cameo) == (None, None)
    assert event_type("STATEMENT").cameo == "01"


def test_roles_and_stances():
    assert role_free_types() == {"MEET", "AGREE", "COOPERATE"}
    assert types_with_stance("restrictive") == ("RESTRICT",)
    assert "INVEST" in types_with_stance("cooperative")
    assert event_type("INVEST").country_target and not event_type("MEET").country_target
