"""The ``resolve`` stage: actors (``actors``), places (``places``), times (``times``) and the coding of event
mentions into CAMEO/PLOVER/ACLED with resolved fields (``coding``)."""
