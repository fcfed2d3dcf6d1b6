import Watchfloor
