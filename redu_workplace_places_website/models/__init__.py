from . import redu_place_web_offer
