from . import test_ranking
