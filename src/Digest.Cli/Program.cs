Console.Error.WriteLine("usage: digest import|export|verify");
return 2;
